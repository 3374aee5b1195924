import { useSyncExternalStore } from 'react';
import { fieldStore, type FieldState } from './store.ts';

export const useField = (): FieldState => useSyncExternalStore(fieldStore.subscribe, fieldStore.get);
