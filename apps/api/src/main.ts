import { X } from '@vigil/contracts'; console.log('ok', X);
