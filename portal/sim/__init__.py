"""The simulator's own side: the console at /sim/ and the JSON control API at /sim/api/."""
