"""Publishing a release for the web and for attendee apps: schedule.xml and schedule.json
(the c3voc schedule format), a static bilingual web page, and an Atom feed of releases."""
