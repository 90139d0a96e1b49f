// Types of appmessage-client/vue (Vue 3 composables; `vue` is the app's own).
import type { ShallowRef } from 'vue';
import type { AppMessageClient, AppMessageData, TargetedMessage } from './index';

export interface UseOptions<Keys extends AppMessageData = AppMessageData> {
  /** default: the first client createClient() made */
  client?: AppMessageClient<Keys>;
}

/** The latest data pushed under `key` (undefined until one arrives); stops listening on unmount. */
export declare function useAppMessage<Keys extends AppMessageData, K extends keyof Keys & string>(
  key: K,
  options: { client: AppMessageClient<Keys> }
): ShallowRef<Keys[K] | undefined>;
/** With the default client: the app names the type. */
export declare function useAppMessage<T = unknown>(key: string, options?: { client?: undefined }): ShallowRef<T | undefined>;

/** Targeted messages received while mounted, newest first (at most `limit`, default 50); cleared on reset. */
export declare function useAppMessages<T = unknown>(options?: UseOptions & { limit?: number }): ShallowRef<TargetedMessage<T>[]>;

/**
 * Subscribes to `topic` while mounted: its messages, newest first (at most `limit`, default 50);
 * emptied when the topic's history no longer reaches the cursor.
 */
export declare function useTopic<T = unknown>(topic: string, options?: UseOptions & { limit?: number }): ShallowRef<(TargetedMessage<T> & { topic: string })[]>;
