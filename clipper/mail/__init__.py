"""Mail: composing the edition's message, SMTP delivery and its record."""
