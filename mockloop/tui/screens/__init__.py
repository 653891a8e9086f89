"""Screens are the controllers: they turn candidate actions into session events."""
