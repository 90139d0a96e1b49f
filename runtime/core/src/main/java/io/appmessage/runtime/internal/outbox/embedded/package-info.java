/**
 * The default outbox store: one file under the data directory, written with H2's MVStore, a well-kept
 * embedded database rather than a home-made file format.
 */
package io.appmessage.runtime.internal.outbox.embedded;
