/**
 * Extension points of the runtime: what an integration implements, not what an app calls.
 *
 * <p>{@link io.appmessage.runtime.spi.OutboxStore} is where targeted messages live (with the cursor rules
 * every store shares in {@link io.appmessage.runtime.spi.ReadWindow}, and {@link
 * io.appmessage.runtime.spi.Cursor}, {@link io.appmessage.runtime.spi.Batch} and {@link
 * io.appmessage.runtime.spi.Epochs} that its methods speak in); {@link io.appmessage.runtime.spi.MessageSignal}
 * carries "this user has something new" to the polls that wait for it, on one node or across nodes.
 *
 * <p>Types here change only compatibly within a major version; everything under
 * {@code io.appmessage.runtime.internal} may change in any release.
 */
package io.appmessage.runtime.spi;
