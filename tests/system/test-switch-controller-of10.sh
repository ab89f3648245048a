#!/bin/bash
# test-switch-controller.sh with an OpenFlow 1.0 controller, which sets no
# table-miss flow: a miss goes up by default while an OpenFlow 1.0-1.2
# connection is open.
CONTROLLER_VERSION=OpenFlow10
. "$(dirname "$0")/test-switch-controller.sh"
