"""Fakes of the far side (servers on loopback), shared by the tests."""
