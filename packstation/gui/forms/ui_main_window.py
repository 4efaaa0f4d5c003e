# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'main_window.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QListWidget,
    QListWidgetItem, QMainWindow, QPushButton, QSizePolicy,
    QSplitter, QStatusBar, QTableWidget, QTableWidgetItem,
    QVBoxLayout, QWidget)

class Ui_MainWindow(object):
    def setupUi(self, MainWindow):
        if not MainWindow.objectName():
            MainWindow.setObjectName(u"MainWindow")
        MainWindow.resize(1280, 800)
        self.central = QWidget(MainWindow)
        self.central.setObjectName(u"central")
        self.mainLayout = QHBoxLayout(self.central)
        self.mainLayout.setObjectName(u"mainLayout")
        self.splitter = QSplitter(self.central)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.queuePane = QWidget(self.splitter)
        self.queuePane.setObjectName(u"queuePane")
        self.queueLayout = QVBoxLayout(self.queuePane)
        self.queueLayout.setObjectName(u"queueLayout")
        self.queueLayout.setContentsMargins(0, 0, 0, 0)
        self.queueTitle = QLabel(self.queuePane)
        self.queueTitle.setObjectName(u"queueTitle")
        self.queueTitle.setStyleSheet(u"font-weight: bold; font-size: 13pt;")

        self.queueLayout.addWidget(self.queueTitle)

        self.filterLayout = QHBoxLayout()
        self.filterLayout.setObjectName(u"filterLayout")
        self.queueFilter = QLineEdit(self.queuePane)
        self.queueFilter.setObjectName(u"queueFilter")
        self.queueFilter.setClearButtonEnabled(True)

        self.filterLayout.addWidget(self.queueFilter)

        self.statusFilter = QComboBox(self.queuePane)
        self.statusFilter.setObjectName(u"statusFilter")

        self.filterLayout.addWidget(self.statusFilter)


        self.queueLayout.addLayout(self.filterLayout)

        self.queueTable = QTableWidget(self.queuePane)
        self.queueTable.setObjectName(u"queueTable")
        self.queueTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.queueTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.queueTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.queueTable.setAlternatingRowColors(True)
        self.queueTable.horizontalHeader().setStretchLastSection(True)
        self.queueTable.verticalHeader().setVisible(False)

        self.queueLayout.addWidget(self.queueTable)

        self.splitter.addWidget(self.queuePane)
        self.orderPane = QWidget(self.splitter)
        self.orderPane.setObjectName(u"orderPane")
        self.orderLayout = QVBoxLayout(self.orderPane)
        self.orderLayout.setObjectName(u"orderLayout")
        self.orderLayout.setContentsMargins(0, 0, 0, 0)
        self.banner = QLabel(self.orderPane)
        self.banner.setObjectName(u"banner")
        self.banner.setMinimumSize(QSize(0, 130))
        self.banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.banner.setWordWrap(True)

        self.orderLayout.addWidget(self.banner)

        self.orderHeader = QLabel(self.orderPane)
        self.orderHeader.setObjectName(u"orderHeader")
        self.orderHeader.setWordWrap(True)
        self.orderHeader.setStyleSheet(u"font-size: 14pt;")

        self.orderLayout.addWidget(self.orderHeader)

        self.noticeLabel = QLabel(self.orderPane)
        self.noticeLabel.setObjectName(u"noticeLabel")
        self.noticeLabel.setVisible(False)
        self.noticeLabel.setWordWrap(True)
        self.noticeLabel.setStyleSheet(u"background: #fff3cd; color: #5c4400; padding: 6px; font-size: 12pt;")

        self.orderLayout.addWidget(self.noticeLabel)

        self.pickTable = QTableWidget(self.orderPane)
        self.pickTable.setObjectName(u"pickTable")
        self.pickTable.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.pickTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.pickTable.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.pickTable.horizontalHeader().setStretchLastSection(False)
        self.pickTable.verticalHeader().setVisible(False)

        self.orderLayout.addWidget(self.pickTable)

        self.recentTitle = QLabel(self.orderPane)
        self.recentTitle.setObjectName(u"recentTitle")
        self.recentTitle.setStyleSheet(u"font-weight: bold;")

        self.orderLayout.addWidget(self.recentTitle)

        self.recentList = QListWidget(self.orderPane)
        self.recentList.setObjectName(u"recentList")
        self.recentList.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.recentList.setMaximumSize(QSize(16777215, 150))

        self.orderLayout.addWidget(self.recentList)

        self.buttonLayout = QHBoxLayout()
        self.buttonLayout.setObjectName(u"buttonLayout")
        self.nextButton = QPushButton(self.orderPane)
        self.nextButton.setObjectName(u"nextButton")

        self.buttonLayout.addWidget(self.nextButton)

        self.releaseButton = QPushButton(self.orderPane)
        self.releaseButton.setObjectName(u"releaseButton")

        self.buttonLayout.addWidget(self.releaseButton)

        self.holdButton = QPushButton(self.orderPane)
        self.holdButton.setObjectName(u"holdButton")

        self.buttonLayout.addWidget(self.holdButton)

        self.removedButton = QPushButton(self.orderPane)
        self.removedButton.setObjectName(u"removedButton")

        self.buttonLayout.addWidget(self.removedButton)

        self.finishButton = QPushButton(self.orderPane)
        self.finishButton.setObjectName(u"finishButton")

        self.buttonLayout.addWidget(self.finishButton)


        self.orderLayout.addLayout(self.buttonLayout)

        self.splitter.addWidget(self.orderPane)

        self.mainLayout.addWidget(self.splitter)

        MainWindow.setCentralWidget(self.central)
        self.statusbar = QStatusBar(MainWindow)
        self.statusbar.setObjectName(u"statusbar")
        MainWindow.setStatusBar(self.statusbar)

        self.retranslateUi(MainWindow)

        QMetaObject.connectSlotsByName(MainWindow)
    # setupUi

    def retranslateUi(self, MainWindow):
        MainWindow.setWindowTitle(QCoreApplication.translate("MainWindow", u"Packstation", None))
        self.queueTitle.setText(QCoreApplication.translate("MainWindow", u"Order queue", None))
        self.queueFilter.setPlaceholderText(QCoreApplication.translate("MainWindow", u"Filter: number, customer, city (Ctrl+F)", None))
        self.banner.setText(QCoreApplication.translate("MainWindow", u"Scan an order's packing slip to start", None))
        self.orderHeader.setText(QCoreApplication.translate("MainWindow", u"No order open", None))
        self.recentTitle.setText(QCoreApplication.translate("MainWindow", u"Recent scans", None))
        self.nextButton.setText(QCoreApplication.translate("MainWindow", u"Next order (F6)", None))
        self.releaseButton.setText(QCoreApplication.translate("MainWindow", u"Release (F7)", None))
        self.holdButton.setText(QCoreApplication.translate("MainWindow", u"Hold (F8)", None))
        self.removedButton.setText(QCoreApplication.translate("MainWindow", u"Wrong unit removed (F9)", None))
        self.finishButton.setText(QCoreApplication.translate("MainWindow", u"Finish && print (F12)", None))
    # retranslateUi

