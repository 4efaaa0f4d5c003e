"""The supervisors' screens: the PIN dialog, the supervisor panel, the audit trail, the mismatch report
and the packer statistics (``install.install_supervisor_tools`` wires them to the bench window)."""
