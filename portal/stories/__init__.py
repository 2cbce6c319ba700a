"""Trainer's stories (issue 19): the FAQ answers as data files played step by step in a
world of their own (`catalogue` reads and checks them, `actions` are what a step does,
`player` plays them, `presenter` reads what the audience sees)."""
