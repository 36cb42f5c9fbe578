"""One-off imports that seeded data/ from the gathered public sources (kept for audit, not run by the build)."""
