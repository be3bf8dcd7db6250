"""mathkit: small statistics helpers"""
from .core import mean
