import type { DraftDocument, DraftView } from '@vigil/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { updateDraft } from '../api/drafts-api';
import { ApiError } from '../api/http';
import { sameDocument } from './draft-document';

/** How long typing must pause before the draft is saved. */
export const AUTOSAVE_DELAY_MS = 2_000;

export type SaveState = 'saved' | 'unsaved' | 'saving' | 'conflict' | 'failed';

export interface DraftBody {
  title: string;
  document: DraftDocument;
}

/** Someone saved a newer version than the one this editor started from; the writer's text stays in the editor. */
export interface SaveConflict {
  error: ApiError;
  currentVersion: number;
}

export interface DraftAutosave {
  state: SaveState;
  conflict: SaveConflict | null;
  /** A failure other than a conflict (network, refusal), shown by its code. */
  failure: unknown;
  /** The writer changed the body: saved once typing pauses. */
  change: (body: DraftBody) => void;
  /** Saves now what is unsaved (on blur, before a review step, when leaving). Resolves once nothing is pending. */
  flush: () => Promise<boolean>;
  /** After a conflict: saves the writer's text as the version after the latest one. */
  /** Saves the writer's text on top of `onTopOf` (the version they compared it with), else of the one the refusal named. */
  keepMine: (onTopOf?: number) => Promise<boolean>;
  /** The version this editor last saved (or started from): what a review step names. */
  savedVersion: () => number;
}

/**
 * Debounced saving with the draft's optimistic lock: each PATCH carries the version this editor last saw, so a save
 * over someone else's newer version is refused (409) rather than overwriting it. Saves run one at a time; what was
 * typed during a save is saved after it.
 */
export function useDraftAutosave(draft: DraftView, onSaved: (view: DraftView) => void): DraftAutosave {
  const baseVersion = useRef(draft.version);
  const savedBody = useRef<DraftBody>({ title: draft.title, document: draft.document });
  const pending = useRef<DraftBody | null>(null);
  const inFlight = useRef<Promise<boolean> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const conflictRef = useRef<SaveConflict | null>(null);
  const onSavedRef = useRef(onSaved);
  onSavedRef.current = onSaved;
  const [state, setState] = useState<SaveState>('saved');
  const [conflict, setConflict] = useState<SaveConflict | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  const cancelTimer = () => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
  };

  const save = useCallback(async (onTopOf?: number): Promise<boolean> => {
    if (inFlight.current) {
      // One save at a time: the one running may carry older text, so save again after it.
      await inFlight.current;
      return save(onTopOf);
    }
    const body = pending.current;
    if (!body) return true;
    // After a conflict only the writer's choice saves again.
    if (conflictRef.current && onTopOf === undefined) return false;
    if (sameBody(body, savedBody.current) && onTopOf === undefined) {
      pending.current = null;
      setState('saved');
      return true;
    }
    const run = (async () => {
      setState('saving');
      try {
        const view = await updateDraft(draft.id, { version: onTopOf ?? baseVersion.current, title: body.title, document: body.document });
        baseVersion.current = view.version;
        savedBody.current = body;
        conflictRef.current = null;
        setConflict(null);
        setFailure(null);
        if (pending.current === body) pending.current = null;
        setState(pending.current ? 'unsaved' : 'saved');
        onSavedRef.current(view);
        return true;
      } catch (caught) {
        if (caught instanceof ApiError && caught.code === 'draft_version_conflict') {
          conflictRef.current = { error: caught, currentVersion: caught.details?.currentVersion ?? baseVersion.current };
          setConflict(conflictRef.current);
          setState('conflict');
        } else {
          setFailure(caught);
          setState('failed');
        }
        return false;
      }
    })();
    inFlight.current = run;
    try {
      return await run;
    } finally {
      inFlight.current = null;
    }
  }, [draft.id]);

  const change = useCallback(
    (body: DraftBody) => {
      pending.current = body;
      cancelTimer();
      if (conflictRef.current) return;
      setState('unsaved');
      timer.current = setTimeout(() => void save(), AUTOSAVE_DELAY_MS);
    },
    [save],
  );

  const flush = useCallback(async () => {
    cancelTimer();
    return save();
  }, [save]);

  const keepMine = useCallback(
    async (onTopOf?: number) => {
      cancelTimer();
      const latest = conflictRef.current;
      // The refused text is still pending (with whatever was typed since): it goes on top of the version the writer
      // compared it with, or else the one the refusal named.
      return latest ? save(onTopOf ?? latest.currentVersion) : save();
    },
    [save],
  );

  useEffect(() => {
    // Leaving the page (a link, the back button): what is unsaved is saved; the request outlives the screen.
    // Closing the tab while text is unsaved asks first, as a browser tab can end before a request is sent.
    const warn = (event: BeforeUnloadEvent) => {
      if (pending.current || inFlight.current) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('beforeunload', warn);
      cancelTimer();
      if (pending.current && !conflictRef.current) void save();
    };
  }, [save]);

  const savedVersion = useCallback(() => baseVersion.current, []);

  return { state, conflict, failure, change, flush, keepMine, savedVersion };
}

function sameBody(a: DraftBody, b: DraftBody): boolean {
  return a.title === b.title && sameDocument(a.document, b.document);
}
