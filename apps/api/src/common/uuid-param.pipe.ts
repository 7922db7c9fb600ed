import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';
import { VigilError } from '@vigil/contracts';
import { isUUID } from 'class-validator';

/** A path id that is not a UUID is a `validation_failed` naming the parameter, like a bad body field. */
@Injectable()
export class UuidParamPipe implements PipeTransform<string, string> {
  transform(value: string, metadata: ArgumentMetadata): string {
    const field = metadata.data ?? 'id';
    if (!isUUID(value)) throw new VigilError('validation_failed', `${field} must be a UUID`, { field });
    return value;
  }
}

/** The same for an optional query parameter: absent is fine, present must be a UUID. */
@Injectable()
export class OptionalUuidParamPipe implements PipeTransform<string | undefined, string | undefined> {
  private readonly required = new UuidParamPipe();

  transform(value: string | undefined, metadata: ArgumentMetadata): string | undefined {
    return value === undefined || value === '' ? undefined : this.required.transform(value, metadata);
  }
}
