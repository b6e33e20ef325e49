"""The only place that speaks SQL: the festival file, its schema and its repositories."""
