/**
 * The default outbox store: one file under the data directory, written with H2's MVStore (issue 6, item 2:
 * "a well-kept embedded database, not a home-made file format").
 */
package io.appmessage.runtime.internal.outbox.embedded;
