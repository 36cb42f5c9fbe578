"""Turns the validated data package into the site's pages, charts and chart downloads."""
