-- leads:requires-all-older-instances-stopped
CREATE TABLE rolling_upgrade_probe (id INTEGER);
