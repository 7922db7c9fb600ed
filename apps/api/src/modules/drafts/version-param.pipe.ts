import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';
import { VigilError } from '@vigil/contracts';

/** A version number in the path (1, 2, 3…): anything else is a `validation_failed` naming the parameter, like a body field. */
@Injectable()
export class VersionParamPipe implements PipeTransform<string, number> {
  transform(value: string, metadata: ArgumentMetadata): number {
    const field = metadata.data ?? 'version';
    if (!/^[1-9]\d{0,6}$/.test(value)) throw new VigilError('validation_failed', `${field} must be a version number (1, 2, 3…)`, { field });
    return Number(value);
  }
}
