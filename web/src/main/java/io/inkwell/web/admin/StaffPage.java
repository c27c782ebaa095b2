package io.inkwell.web.admin;

/** An admin controller: {@link StaffPages} gives its pages the staff member and the menu. */
interface StaffPage {}
