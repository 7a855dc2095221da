package io.rpcservices.bench;

/**
 * The outcome of the waiters test.
 *
 * @param waiters connections that waited in {@code stack.pop(name, 30)}
 * @param answered waiters answered with an item
 * @param faulted waiters answered with a fault
 * @param failed waiters whose connection failed or closed without an answer
 * @param endedBeforePush waiters that had an answer before the first push (should be none)
 * @param pushFailures pushes that did not succeed
 * @param connectSeconds time to open every waiter connection and send its pop
 * @param answerSeconds time from the first push to the last item handed to a waiter
 * @param fresh the master just started
 * @param before the master warmed up, before the waiters connected
 * @param during the master with every waiter waiting
 * @param answeredStats the master after the answers, waiter connections still open
 * @param after the master after the waiter connections closed
 */
record WaiterResult(
    int waiters,
    int answered,
    int faulted,
    int failed,
    long endedBeforePush,
    long pushFailures,
    double connectSeconds,
    double answerSeconds,
    ServerStats fresh,
    ServerStats before,
    ServerStats during,
    ServerStats answeredStats,
    ServerStats after) {

  /** Whether every waiter got an item. */
  boolean allAnswered() {
    return answered == waiters && endedBeforePush == 0;
  }
}
