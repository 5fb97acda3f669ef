"""Classification: which topics an article is about and why, its tone, the people quoted, its story.

rules.py compiles the topic rules (gazetteer.yaml plus the `topics:` section, schema in
topic_spec.py); classifier.py applies them in one pass; tone.py and narasumber.py add the
suggested tone and the narasumber (speaker_runs.py, speaker_names.py and speaker_words.py read
names and roles for it); stories.py fingerprints texts to group syndicated copies;
reclassify.py applies changed rules to the archive.

Imports: the base modules and clipper.store.
"""
