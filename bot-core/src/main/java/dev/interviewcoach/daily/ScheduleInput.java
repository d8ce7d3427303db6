package dev.interviewcoach.daily;

import dev.interviewcoach.command.CommandInput;
import dev.interviewcoach.text.EditDistance;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads the schedule people type ({@code 09:00}, {@code 9am}, {@code Europe/Berlin},
 * {@code weekdays}, {@code mon,wed,fri}) and, when it cannot, says what forms it accepts and
 * what was probably meant ("Europe/Berln: did you mean Europe/Berlin?").
 */
public final class ScheduleInput {

    /** A typed word that is a time of day: {@code 09:00}, {@code 9am}, {@code 7:30pm}. */
    public static final String TIME_SHAPE = "\\d{1,2}(:\\d{2}(am|pm)?|am|pm)";
    /** A typed word that names days: {@code weekdays}, {@code daily}, {@code mon,wed,fri}. */
    static final String DAYS_SHAPE = "weekdays|daily|weekends|everyday"
            + "|(mon|tue|wed|thu|fri|sat|sun)[a-z]*(-(mon|tue|wed|thu|fri|sat|sun)[a-z]*)?"
            + "(,(mon|tue|wed|thu|fri|sat|sun)[a-z]*(-(mon|tue|wed|thu|fri|sat|sun)[a-z]*)?)*";

    private static final Pattern CLOCK = Pattern.compile("(\\d{1,2})(?::(\\d{2}))?\\s*(am|pm)?", Pattern.CASE_INSENSITIVE);
    private static final Map<String, DayOfWeek> DAY_NAMES = Map.ofEntries(
            Map.entry("mon", DayOfWeek.MONDAY), Map.entry("tue", DayOfWeek.TUESDAY), Map.entry("wed", DayOfWeek.WEDNESDAY),
            Map.entry("thu", DayOfWeek.THURSDAY), Map.entry("fri", DayOfWeek.FRIDAY), Map.entry("sat", DayOfWeek.SATURDAY),
            Map.entry("sun", DayOfWeek.SUNDAY));

    /** What was wrong with a typed value, in words for the person who typed it. */
    public static final class Invalid extends RuntimeException {
        public Invalid(String message) {
            super(message);
        }
    }

    private ScheduleInput() {
    }

    /** A moment that comes back every week: one weekday, a time of day and a zone. */
    public record Weekly(DayOfWeek day, LocalTime time, ZoneId zone) {}

    /**
     * The weekly moment a command's {@code weekday}, {@code time} and {@code zone} options give,
     * each kept from {@code current} when not typed. {@code whatHappens} ("A digest goes out") starts
     * the message when more than one day is typed.
     */
    public static Weekly weekly(CommandInput input, Weekly current, String whatHappens) {
        DayOfWeek day = current.day();
        Optional<String> typedDays = input.value("weekday");
        if (typedDays.isPresent()) {
            Set<DayOfWeek> days = days(typedDays.get());
            if (days.size() != 1) {
                String typed = typedDays.get();
                throw new Invalid(whatHappens + " on one weekday, such as mon; you wrote \""
                        + (typed.length() > 40 ? typed.substring(0, 40) + "..." : typed) + "\".");
            }
            day = days.iterator().next();
        }
        LocalTime time = input.value("time").map(ScheduleInput::time).orElse(current.time());
        ZoneId zone = input.value("zone").map(ScheduleInput::zone).orElse(current.zone());
        return new Weekly(day, time, zone);
    }

    public static LocalTime time(String typed) {
        Matcher m = CLOCK.matcher(typed.strip());
        if (m.matches()) {
            int hour = Integer.parseInt(m.group(1));
            int minute = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
            String half = m.group(3) == null ? null : m.group(3).toLowerCase(Locale.ROOT);
            if (half != null && (hour < 1 || hour > 12)) {
                hour = -1;
            } else if ("pm".equals(half) && hour != 12) {
                hour += 12;
            } else if ("am".equals(half) && hour == 12) {
                hour = 0;
            }
            if (hour >= 0 && hour < 24 && minute < 60 && (m.group(2) != null || half != null)) {
                return LocalTime.of(hour, minute);
            }
        }
        throw new Invalid("\"" + typed + "\" is not a time of day. Use 24-hour HH:MM like 09:00 or 17:30, or 9am / 5:30pm.");
    }

    public static ZoneId zone(String typed) {
        String wanted = typed.strip();
        try {
            return ZoneId.of(wanted);
        } catch (DateTimeException e) {
            // Written as people write it ("europe/berlin", "America/New York"): the same zone, taken as meant.
            String folded = wanted.toLowerCase(Locale.ROOT).replaceAll("\\s+", "_");
            Optional<String> sameName = ZoneId.getAvailableZoneIds().stream()
                    .filter(id -> id.toLowerCase(Locale.ROOT).equals(folded)).findFirst();
            if (sameName.isPresent()) {
                return ZoneId.of(sameName.get());
            }
            String abbreviation = SHORT_NAMES.get(folded);
            if (abbreviation != null) {
                throw new Invalid("\"" + typed + "\" is a short name that means different hours in summer and winter,"
                        + " or in different places. Did you mean " + abbreviation + "? Use an IANA name like that one,"
                        + " so daylight saving is followed, or UTC.");
            }
            // A city alone ("Berlin", "new york", "Sao_Paulo") names the zone it ends; else a typo of a whole name.
            Optional<String> byCity = folded.contains("/") || folded.isEmpty() ? Optional.empty()
                    : ZoneId.getAvailableZoneIds().stream().filter(id -> id.contains("/"))
                    .filter(id -> id.toLowerCase(Locale.ROOT).endsWith("/" + folded)).sorted().findFirst();
            Optional<String> close = byCity.or(() -> ZoneId.getAvailableZoneIds().stream()
                    .filter(id -> id.contains("/"))
                    .min(Comparator.comparingInt(id -> EditDistance.withSwaps(id.toLowerCase(Locale.ROOT), folded)))
                    .filter(id -> EditDistance.withSwaps(id.toLowerCase(Locale.ROOT), folded) <= 3));
            throw new Invalid("\"" + typed + "\" is not a time zone I know."
                    + close.map(c -> " Did you mean " + c + "?").orElse("")
                    + " Use an IANA name like Europe/Berlin, America/New_York or Asia/Kolkata, or UTC.");
        }
    }

    /**
     * Short names people use for a zone (lower case), with the zone most who type them mean. Not taken as that
     * zone: "IST" is India's, Ireland's and Israel's, and "EST" alone would leave out summer time.
     */
    private static final Map<String, String> SHORT_NAMES = Map.ofEntries(
            Map.entry("pst", "America/Los_Angeles"), Map.entry("pdt", "America/Los_Angeles"),
            Map.entry("pt", "America/Los_Angeles"), Map.entry("mst", "America/Denver"),
            Map.entry("mdt", "America/Denver"), Map.entry("mt", "America/Denver"),
            Map.entry("cst", "America/Chicago"), Map.entry("cdt", "America/Chicago"),
            Map.entry("ct", "America/Chicago"), Map.entry("est", "America/New_York"),
            Map.entry("edt", "America/New_York"), Map.entry("et", "America/New_York"),
            Map.entry("akst", "America/Anchorage"), Map.entry("hst", "Pacific/Honolulu"),
            Map.entry("bst", "Europe/London"), Map.entry("cest", "Europe/Berlin"),
            Map.entry("eest", "Europe/Athens"), Map.entry("msk", "Europe/Moscow"),
            Map.entry("ist", "Asia/Kolkata"), Map.entry("pkt", "Asia/Karachi"),
            Map.entry("sgt", "Asia/Singapore"), Map.entry("jst", "Asia/Tokyo"),
            Map.entry("kst", "Asia/Seoul"), Map.entry("aest", "Australia/Sydney"),
            Map.entry("aedt", "Australia/Sydney"), Map.entry("awst", "Australia/Perth"),
            Map.entry("nzst", "Pacific/Auckland"), Map.entry("nzdt", "Pacific/Auckland"),
            Map.entry("brt", "America/Sao_Paulo"));

    /**
     * What a typed word must look like to be read as a time zone among a command's other words: a region name, UTC or
     * GMT, CET and its like, or a short name of three letters or more (answered with the zone meant). "pt" and its
     * like are left out: too short to tell from other words.
     */
    public static final String ZONE_SHAPE = ".*/.*|utc|gmt|cet|eet|wet|met|" + SHORT_NAMES.keySet().stream()
            .filter(name -> name.length() >= 3).sorted().collect(Collectors.joining("|"));

    private static DayOfWeek day(String typed) {
        DayOfWeek day = typed.length() >= 3 ? DAY_NAMES.get(typed.substring(0, 3)) : null;
        if (day == null) {
            throw new Invalid("\"" + typed + "\" is not a day. Use weekdays, daily, weekends, days like mon,wed,fri,"
                    + " or a range like mon-thu.");
        }
        return day;
    }

    public static Set<DayOfWeek> days(String typed) {
        String wanted = typed.strip().toLowerCase(Locale.ROOT);
        switch (wanted) {
            case "weekdays" -> {
                return EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
            }
            case "daily", "every-day", "everyday", "all" -> {
                return EnumSet.allOf(DayOfWeek.class);
            }
            case "weekends" -> {
                return EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
            }
            default -> {
                EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
                for (String part : wanted.split("[,\\s]+")) {
                    // "mon-fri": every day from the first to the last, round the weekend if need be ("fri-mon")
                    String[] ends = part.split("-", 2);
                    DayOfWeek first = day(ends[0]);
                    DayOfWeek last = ends.length > 1 ? day(ends[1]) : first;
                    for (DayOfWeek d = first; ; d = d.plus(1)) {
                        days.add(d);
                        if (d == last) {
                            break;
                        }
                    }
                }
                return days;
            }
        }
    }
}
