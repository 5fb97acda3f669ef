"""The archive: schema, migrations and every query; the only package that speaks SQL."""
