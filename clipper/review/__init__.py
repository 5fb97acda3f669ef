"""Editorial decisions on archived articles: approve, reject, tag, tone, summary, order."""
