/**
 * Events (netsvc publish/subscribe): subjects published to WebSocket subscribers as notifications
 * and to provider clients' mailboxes, matched by patterns with {@code *} wildcards.
 */
@NullMarked
package io.rpcservices.master.events;

import org.jspecify.annotations.NullMarked;
