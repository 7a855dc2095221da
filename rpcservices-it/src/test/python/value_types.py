#!/usr/bin/env python3
"""Checks every XML-RPC value type between Python's xmlrpc.client and an rpcservices master.

Usage: python3 value_types.py URL

1. Reads the parameters that the Java test stored in the storage "fromjava" and checks their
   Python types and values.
2. Stores one parameter of each type in the storage "frompython", for the Java test to check,
   and reads each back to check that it comes back equal.
3. Provokes faults and checks their codes and fault strings.

Prints one line per check; exits 1 at the first mismatch.
"""
import datetime
import sys
import xmlrpc.client

# What the Java test stores in "fromjava"; Python reads <i8> as int, <nil/> as None.
FROM_JAVA = {
    "int": 42,
    "i8": 5000000000,
    "negative": -2147483648,
    "boolean": True,
    "string": "h\u00e9llo <&> \u4e16\u754c",
    "double": 2.5,
    "dateTime": datetime.datetime(2026, 11, 23, 10, 0, 0),
    "base64": bytes([0, 1, 2, 255]),
    "struct": {"a": 1, "b": ["x", None]},
    "array": [1, "two", 3.0, False],
    "nil": None,
}

# What this script stores in "frompython". The standard library refuses to send an integer
# beyond 32 bits, so there is no i8 here.
FROM_PYTHON = {
    "int": 7,
    "boolean": False,
    "string": "caf\u00e9 & <tags>",
    "double": -0.125,
    "dateTime": datetime.datetime(2026, 1, 2, 3, 4, 5),
    "base64": b"\x00binary\xff",
    "struct": {"nested": {"deep": [1, 2]}, "empty": {}},
    "array": [None, True, "s", 1.5, []],
    "nil": None,
}


def same(actual, expected):
    """Equal, and of the same type all the way down (in Python, 1 == 1.0 == True)."""
    if type(actual) is not type(expected):
        return False
    if isinstance(expected, dict):
        return actual.keys() == expected.keys() and all(
            same(actual[key], expected[key]) for key in expected)
    if isinstance(expected, list):
        return len(actual) == len(expected) and all(map(same, actual, expected))
    return actual == expected


def check(label, actual, expected):
    if not same(actual, expected):
        print(f"MISMATCH {label}: got {actual!r} ({type(actual).__name__}),"
              f" expected {expected!r} ({type(expected).__name__})")
        sys.exit(1)
    print(f"ok {label}")


def check_fault(label, call, code, prefix):
    try:
        call()
    except xmlrpc.client.Fault as fault:
        if fault.faultCode != code or not fault.faultString.startswith(prefix):
            print(f"MISMATCH {label}: got fault {fault.faultCode} {fault.faultString!r}")
            sys.exit(1)
        print(f"fault {fault.faultCode} {fault.faultString}")
        return
    print(f"MISMATCH {label}: no fault")
    sys.exit(1)


def main():
    master = xmlrpc.client.ServerProxy(sys.argv[1], allow_none=True, use_builtin_types=True)

    for name, expected in FROM_JAVA.items():
        check(f"fromjava {name}", master.storage.getParameter("fromjava", name), expected)

    master.storage.create("frompython")
    for name, value in FROM_PYTHON.items():
        check(f"set {name}", master.storage.setParameter("frompython", name, value), True)
    for name, expected in FROM_PYTHON.items():
        check(f"frompython {name}", master.storage.getParameter("frompython", name), expected)

    check_fault("missing parameter",
                lambda: master.storage.getParameter("frompython", "missing"),
                200, "ParameterNotFoundError: ")
    master.stack.create("empty")
    check_fault("empty stack", lambda: master.stack.pop("empty"), 100, "StackIndexError: ")
    check_fault("no such method", lambda: master.nosuch.method(), -32601, "MethodNotFound: ")


if __name__ == "__main__":
    main()
