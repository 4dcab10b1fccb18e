"""Tests of armswatch.store; a package so its conftest has a module name of its own."""
