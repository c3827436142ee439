# CDash submission settings (`ctest -D Experimental` or `ctest -T Test -T Submit`).
# The drop site is configurable: pass -DCTEST_DROP_SITE=cdash.example.org (and, if needed,
# -DCTEST_DROP_LOCATION / -DCTEST_DROP_METHOD) to `ctest`, or set SANAD_CDASH_SITE in the
# environment. Without a reachable server, `ctest -T Test` still runs and records locally.
set(CTEST_PROJECT_NAME "sanad")
set(CTEST_NIGHTLY_START_TIME "01:00:00 UTC")

if(NOT DEFINED CTEST_DROP_METHOD)
  set(CTEST_DROP_METHOD "https")
endif()
if(NOT DEFINED CTEST_DROP_SITE)
  if(DEFINED ENV{SANAD_CDASH_SITE})
    set(CTEST_DROP_SITE "$ENV{SANAD_CDASH_SITE}")
  else()
    set(CTEST_DROP_SITE "my.cdash.org")
  endif()
endif()
if(NOT DEFINED CTEST_DROP_LOCATION)
  set(CTEST_DROP_LOCATION "/submit.php?project=sanad")
endif()
set(CTEST_DROP_SITE_CDASH TRUE)
