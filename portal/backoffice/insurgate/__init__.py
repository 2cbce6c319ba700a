"""Insurgate's back office (IG-1..IG-7): accounts, links by email, the office
structure, integrations and quotes. Services take a session, `now` and plain values,
flush, and raise the named errors of `portal.backoffice.errors`."""
