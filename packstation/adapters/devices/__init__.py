"""Serial devices: scanners and scales on pyserial, the ports they sit on, and what is wrong with them.

- ``serial_ports``: open a configured port (errors in plain words: missing, permission and the
  group to join, busy) and list the machine's ports;
- ``lines``: bytes from a scanner into lines (terminators, overlong lines, a partial line at unplug);
- ``serial_scanner``: one scanner read on its own thread, reconnecting by itself;
- ``scale``: Mettler Toledo MT-SICS and NCI / Avery Weigh-Tronix scales, a stable weight in kg;
- ``diagnosis``: the checks behind ``packstation doctor``.

Nothing here imports Qt: the bench's GUI glue (``gui/serial_devices.py``) hands what these
threads read to the bench's worker.
"""
