"""Read a leadup calendar feed (stdin) as Debian's python3-icalendar and
python3-recurring-ical-events do, for TestCalendarFeedReadByPython.

Arguments: the zone name, the first day and the day after the last to
expand (YYYY-MM-DD). Prints one line per occurrence of the 1:1 (its UTC
instant), then, for the feed's own VTIMEZONE as icalendar turns it into
a tzinfo (its rules expanded with dateutil, to 2038, its own limit), one
line per Monday 10:00 whose offset differs from the zone database's.
"""
import sys
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import icalendar
import recurring_ical_events

zone, first, last = sys.argv[1], date.fromisoformat(sys.argv[2]), date.fromisoformat(sys.argv[3])
cal = icalendar.Calendar.from_ical(sys.stdin.buffer.read())

for ev in recurring_ical_events.of(cal).between(first, last):
    if str(ev.get("SUMMARY")) == "1:1 with Ana":
        print("occurrence", ev.decoded("DTSTART").astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"))

vtz = [c for c in cal.walk("VTIMEZONE") if str(c["TZID"]) == zone]
if len(vtz) != 1:
    print("error no VTIMEZONE for", zone)
    sys.exit(0)
tz = vtz[0].to_tz()
db = ZoneInfo(zone)
day = first
checked = 0
while day < min(last, date(2038, 12, 1)):
    if day.weekday() == 0:
        wall = datetime(day.year, day.month, day.day, 10, 0)
        got = tz.localize(wall).utcoffset()
        want = wall.replace(tzinfo=db).utcoffset()
        checked += 1
        if got != want:
            print("mismatch", wall.isoformat(), got, want)
    day += timedelta(days=1)
print("checked", checked)
