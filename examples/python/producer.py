#!/usr/bin/env python3
"""Pushes the numbers 0 to 9 on the stack "in" of an rpcservices master.

Usage: python3 producer.py [URL]   (default URL: http://127.0.0.1:8000/RPC2)
Needs only the Python standard library.
"""
import sys
import xmlrpc.client


def main():
    url = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000/RPC2"
    master = xmlrpc.client.ServerProxy(url, allow_none=True)
    master.stack.create("in")
    for i in range(10):
        size = master.stack.push("in", i)
        print(f"pushed {i} (stack size {size})")


if __name__ == "__main__":
    main()
