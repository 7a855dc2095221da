#!/usr/bin/env python3
"""Pops the stack "in" of an rpcservices master until it is empty.

Usage: python3 consumer.py [URL]   (default URL: http://127.0.0.1:8000/RPC2)
Needs only the Python standard library.
"""
import sys
import xmlrpc.client

STACK_INDEX_ERROR = 100  # the fault code of a pop on an empty stack


def main():
    url = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000/RPC2"
    master = xmlrpc.client.ServerProxy(url, allow_none=True)
    master.stack.create("in")
    while True:
        try:
            item = master.stack.pop("in")
        except xmlrpc.client.Fault as fault:
            if fault.faultCode != STACK_INDEX_ERROR:
                raise
            print(f"stack in is empty: {fault.faultString}")
            return
        print(f"popped {item}")


if __name__ == "__main__":
    main()
