/**
 * Presence kept in one node's memory.
 */
package io.appmessage.runtime.internal.presence;
