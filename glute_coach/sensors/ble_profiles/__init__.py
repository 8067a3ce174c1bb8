"""Built-in BLE device profiles (JSON data files), loaded by :mod:`glute_coach.sensors.ble_source`."""
