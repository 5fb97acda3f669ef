"""Classification: topics and their rules, tone, narasumber, re-applying the rules."""
