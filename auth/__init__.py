"""Identity: sessions per brand space (and, later, registration and login flows)."""
