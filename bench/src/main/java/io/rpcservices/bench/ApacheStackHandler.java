package io.rpcservices.bench;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.xmlrpc.XmlRpcException;

/**
 * The {@code stack} service for Apache ws-xmlrpc: named in-memory LIFO stacks with the master's
 * semantics and fault codes for the calls the benchmark makes. Public because ws-xmlrpc calls it by
 * reflection.
 */
public final class ApacheStackHandler {
  private final ConcurrentMap<String, Deque<Object>> stacks = new ConcurrentHashMap<>();

  /** Creates the stack {@code name} if it does not exist; returns the name. */
  public String create(String name) {
    stacks.computeIfAbsent(name, unused -> new ArrayDeque<>());
    return name;
  }

  /** Pushes {@code data} on the stack {@code name}; returns the new size. */
  public int push(String name, Object data) throws XmlRpcException {
    Deque<Object> stack = find(name);
    synchronized (stack) {
      stack.push(data);
      return stack.size();
    }
  }

  /** Removes and returns the top item of the stack {@code name}. */
  public Object pop(String name) throws XmlRpcException {
    Deque<Object> stack = find(name);
    synchronized (stack) {
      Object top = stack.poll();
      if (top == null) {
        throw new XmlRpcException(100, "StackIndexError: stack is empty: " + name);
      }
      return top;
    }
  }

  private Deque<Object> find(String name) throws XmlRpcException {
    Deque<Object> stack = stacks.get(name);
    if (stack == null) {
      throw new XmlRpcException(101, "StackNotFoundError: no such stack: " + name);
    }
    return stack;
  }
}
