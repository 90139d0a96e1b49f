/**
 * Presence: who is online, by who polled within a window, on one node or across nodes on Redis.
 */
package io.appmessage.runtime.presence;
