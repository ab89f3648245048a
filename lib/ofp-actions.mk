# OpenFlow actions and instructions: the action table and its families.
