#!/usr/bin/env python3
"""Calls the math service of the exchange example (MathWorker) from Python.

Over XML-RPC with xmlrpc.client, through the group gateway /groups/web-services/RPC2, and over
JSON-RPC 2.0 with a plain urllib POST to /jsonrpc.

Usage: python3 math_client.py [URL]   (default URL: http://127.0.0.1:8000)
Needs only the Python standard library.
"""
import json
import sys
import urllib.request
import xmlrpc.client


def json_rpc(url, method, *params, timeout=30):
    """Posts one JSON-RPC 2.0 call; returns its result or raises RuntimeError with its error."""
    body = json.dumps({"jsonrpc": "2.0", "method": method, "params": list(params), "id": 1})
    request = urllib.request.Request(
        url + "/jsonrpc",
        data=body.encode("utf-8"),
        headers={"Content-Type": "application/json", "X-Rpc-Timeout": str(timeout)},
    )
    with urllib.request.urlopen(request, timeout=timeout + 1) as response:
        answer = json.load(response)
    if "error" in answer:
        error = answer["error"]
        raise RuntimeError(f"{error['code']} {error['message']}")
    return answer["result"]


def main():
    url = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000"
    master = xmlrpc.client.ServerProxy(url + "/RPC2", allow_none=True)
    print("math.multiply(6, 7) =", master.math.multiply(6, 7))
    try:
        master.math.log(-1)
    except xmlrpc.client.Fault as fault:
        print("math.log(-1) failed:", fault.faultCode, fault.faultString)

    gateway = xmlrpc.client.ServerProxy(url + "/groups/web-services/RPC2", allow_none=True)
    print("via the gateway: math.multiply(6, 7) =", gateway.math.multiply(6, 7))

    print("over JSON-RPC: math.multiply(6, 7) =", json_rpc(url, "math.multiply", 6, 7))


if __name__ == "__main__":
    main()
