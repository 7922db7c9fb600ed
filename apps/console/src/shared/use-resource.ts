import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';

interface ResourceState<T> {
  data?: T;
  error?: unknown;
  loading: boolean;
}

export interface Resource<T> extends ResourceState<T> {
  reload: () => void;
  /** Shows data the caller already has (a mutation's answer) without asking the API again. */
  replace: (data: T) => void;
}

/** Loads data when `deps` change, cancelling the previous request so a slow answer cannot win. */
export function useResource<T>(load: (signal: AbortSignal) => Promise<T>, deps: DependencyList): Resource<T> {
  const [state, setState] = useState<ResourceState<T>>({ loading: true });
  const [version, setVersion] = useState(0);
  const keepData = useRef(false);

  useEffect(() => {
    const controller = new AbortController();
    // A reload keeps the current rows on screen; a new query must not show the previous query's rows.
    const keep = keepData.current;
    keepData.current = false;
    setState((previous) => ({ data: keep ? previous.data : undefined, loading: true }));
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ data, loading: false });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ error, loading: false });
      },
    );
    return () => controller.abort();
    // `deps` stands in for everything `load` reads, like a useEffect dependency list.
  }, [...deps, version]);

  const reload = useCallback(() => {
    keepData.current = true;
    setVersion((current) => current + 1);
  }, []);

  const replace = useCallback((data: T) => {
    setState((previous) => ({ ...previous, data, error: undefined }));
  }, []);

  return { ...state, reload, replace };
}
