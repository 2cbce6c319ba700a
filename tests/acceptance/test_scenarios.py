"""Every scenario of features/*.feature, bound to the step library."""

from pytest_bdd import scenarios

scenarios("features")
