import { Injectable, type PipeTransform } from '@nestjs/common';
import { CASE_LINK_KINDS, type CaseLinkKind, VigilError } from '@vigil/contracts';

/** A link kind in the path that is not flag, item or story is a `validation_failed` on `kind`, like one in a body. */
@Injectable()
export class CaseLinkKindPipe implements PipeTransform<string, CaseLinkKind> {
  transform(value: string): CaseLinkKind {
    if (!(CASE_LINK_KINDS as readonly string[]).includes(value)) throw new VigilError('validation_failed', `kind must be one of ${CASE_LINK_KINDS.join(', ')}`, { field: 'kind' });
    return value as CaseLinkKind;
  }
}
