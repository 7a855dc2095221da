/**
 * The dispatcher: services registered by name, their methods parsed once into models, and calls
 * routed to them with parameters converted by the value table of DESIGN.md. Used by the master's
 * front ends; not meant for application code.
 */
@NullMarked
package io.rpcservices.master.dispatch;

import org.jspecify.annotations.NullMarked;
