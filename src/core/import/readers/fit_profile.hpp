#pragma once
// The few numbers from Garmin's FIT profile (Profile.xlsx of FIT SDK 21.x) that fit_reader.cpp
// uses: message and field numbers, base types, and the enum values it names. Names follow the
// profile's own snake_case spelling so they can be looked up there.
#include <cstdint>
#include <string_view>

namespace sw::import::fit {

// FIT date_time counts seconds from 1989-12-31T00:00:00Z, this many seconds after the Unix epoch.
inline constexpr std::int64_t kFitEpochUnix = 631065600;
// A date_time below this is seconds since the device powered on, not since the FIT epoch: the
// device had not set its clock yet (the profile's date_time "min" value).
inline constexpr std::uint32_t kFirstRealDateTime = 0x10000000;

// Record header bits.
inline constexpr std::uint8_t kCompressedTimestampHeader = 0x80;
inline constexpr std::uint8_t kDefinitionHeader = 0x40;
inline constexpr std::uint8_t kDeveloperDataFlag = 0x20;
inline constexpr std::uint8_t kLocalTypeMask = 0x0F;

namespace mesg {
inline constexpr std::uint16_t kFileId = 0;
inline constexpr std::uint16_t kSport = 12;
inline constexpr std::uint16_t kSession = 18;
inline constexpr std::uint16_t kLap = 19;
inline constexpr std::uint16_t kRecord = 20;
inline constexpr std::uint16_t kEvent = 21;
inline constexpr std::uint16_t kActivity = 34;
}  // namespace mesg

// Field numbers, per message. 253 is the timestamp in every message that has one.
namespace field {
inline constexpr std::uint8_t kTimestamp = 253;

inline constexpr std::uint8_t kFileIdType = 0;
inline constexpr std::uint8_t kFileIdManufacturer = 1;
inline constexpr std::uint8_t kFileIdProduct = 2;  // garmin_product when the maker is Garmin's
inline constexpr std::uint8_t kFileIdTimeCreated = 4;

inline constexpr std::uint8_t kSportSport = 0;
inline constexpr std::uint8_t kSportSubSport = 1;

inline constexpr std::uint8_t kSessionStartTime = 2;
inline constexpr std::uint8_t kSessionSport = 5;
inline constexpr std::uint8_t kSessionSubSport = 6;
inline constexpr std::uint8_t kSessionTotalElapsedTime = 7;  // ms; includes pauses
inline constexpr std::uint8_t kSessionTotalTimerTime = 8;    // ms; excludes pauses
inline constexpr std::uint8_t kSessionTotalDistance = 9;     // cm
inline constexpr std::uint8_t kSessionAvgCadence = 18;       // rpm; strides/min when running
inline constexpr std::uint8_t kSessionAvgFractionalCadence = 92;  // 1/128 rpm

inline constexpr std::uint8_t kLapStartTime = 2;
inline constexpr std::uint8_t kLapTotalElapsedTime = 7;
inline constexpr std::uint8_t kLapTotalTimerTime = 8;
inline constexpr std::uint8_t kLapTotalDistance = 9;
inline constexpr std::uint8_t kLapAvgCadence = 17;
inline constexpr std::uint8_t kLapSport = 25;
inline constexpr std::uint8_t kLapSubSport = 39;
inline constexpr std::uint8_t kLapAvgFractionalCadence = 80;

inline constexpr std::uint8_t kRecordCadence = 4;
inline constexpr std::uint8_t kRecordDistance = 5;  // cm
// Three bytes: speed in the low 12 bits (1/100 m/s), distance in the high 12 bits (1/16 m,
// accumulated: it rolls over every 256 m). Old Forerunners write this instead of distance.
inline constexpr std::uint8_t kRecordCompressedSpeedDistance = 8;
inline constexpr std::uint8_t kRecordFractionalCadence = 53;

inline constexpr std::uint8_t kEventEvent = 0;
inline constexpr std::uint8_t kEventEventType = 1;

inline constexpr std::uint8_t kActivityLocalTimestamp = 5;
}  // namespace field

// Base types: the low five bits of a field definition's base type byte.
namespace base_type {
inline constexpr std::uint8_t kMask = 0x1F;
inline constexpr std::uint8_t kString = 7;
inline constexpr std::uint8_t kFloat32 = 8;
inline constexpr std::uint8_t kFloat64 = 9;
inline constexpr std::uint8_t kByte = 13;
inline constexpr std::uint8_t kCount = 17;
}  // namespace base_type

// file enum (file_id.type).
namespace file_type {
inline constexpr std::uint8_t kActivity = 4;
}

// event and event_type enums: the timer's starts and stops.
namespace event {
inline constexpr std::uint8_t kTimer = 0;
}
namespace event_type {
inline constexpr std::uint8_t kStart = 0;
inline constexpr std::uint8_t kStop = 1;
inline constexpr std::uint8_t kStopAll = 4;
inline constexpr std::uint8_t kStopDisable = 8;
inline constexpr std::uint8_t kStopDisableAll = 9;
}  // namespace event_type

// sport enum values the reader maps to its own sports.
namespace sport_value {
inline constexpr std::uint8_t kRunning = 1;
inline constexpr std::uint8_t kCycling = 2;
inline constexpr std::uint8_t kSwimming = 5;
inline constexpr std::uint8_t kWalking = 11;
inline constexpr std::uint8_t kHiking = 17;
inline constexpr std::uint8_t kMultisport = 18;
}  // namespace sport_value

namespace sub_sport_value {
inline constexpr std::uint8_t kTreadmill = 1;
inline constexpr std::uint8_t kTrail = 3;
inline constexpr std::uint8_t kTrack = 4;
}  // namespace sub_sport_value

// The sport enum's names for its first values (the profile's order); later ones are rare in a
// runner's files and are shown by number.
inline constexpr std::string_view kSportNames[] = {
    "generic",        "running",      "cycling",     "transition",           "fitness_equipment",
    "swimming",       "basketball",   "soccer",      "tennis",               "american_football",
    "training",       "walking",      "cross_country_skiing", "alpine_skiing", "snowboarding",
    "rowing",         "mountaineering", "hiking",    "multisport",           "paddling",
    "flying",         "e_biking"};

// manufacturer enum values whose products are numbered in the garmin_product enum.
namespace manufacturer {
inline constexpr std::uint16_t kGarmin = 1;
inline constexpr std::uint16_t kGarminFr405Antfs = 2;
inline constexpr std::uint16_t kDynastreamOem = 13;
inline constexpr std::uint16_t kDynastream = 15;
inline constexpr std::uint16_t kTacx = 89;
}  // namespace manufacturer

}  // namespace sw::import::fit
