"""The portal's rules as plain functions over plain values and model objects.

No Flask, no database session, no clock reads: callers pass everything in.
"""
