/**
 * How the meters, the management listener and the console work; not an API.
 */
package io.appmessage.metrics.internal;
